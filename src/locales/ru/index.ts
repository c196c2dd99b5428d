/** The Russian resources, in one chunk loaded when Russian is first needed. */
import common from './common.json';
import tools from './tools.json';

export const ru = { common, tools };
