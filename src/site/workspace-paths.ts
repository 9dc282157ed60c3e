/** Where the workspace's build output lives, relative to the site's base (no dependencies: page scripts import it). */
export const WORKSPACE_BASE_PATH = 'workspace/base.json';
