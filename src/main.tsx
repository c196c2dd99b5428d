import { render } from 'preact';
render(<h1>Activation Field Guide</h1>, document.getElementById('app')!);
