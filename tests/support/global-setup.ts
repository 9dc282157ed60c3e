/** Global setup: nothing yet; the site build for site and browser tests is added with the site. */
export default function setup(): void {}
