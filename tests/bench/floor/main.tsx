/** The floor: a blank Preact page from the app's toolchain, to compare the app against. */
import { render } from 'preact';

render(<h1>Activation Field Guide</h1>, document.getElementById('app')!);
