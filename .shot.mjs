import { chromium } from 'playwright-core';
import { serveStatic } from './tests/support/static-server.ts';
const [dir, ...paths] = process.argv.slice(2);
const server = await serveStatic(dir, '/');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
for (const [w, h, tag] of [[1280, 900, 'desk'], [390, 844, 'phone']]) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  for (const p of paths) {
    await page.goto(server.url + p.replace(/^\//, ''));
    await page.waitForTimeout(900);
    const name = `/tmp/shot-${tag}-${p.replace(/[^a-z0-9]+/gi, '_')}.png`;
    await page.screenshot({ path: name, fullPage: p.includes('full') ? true : false });
    console.log(name);
  }
  await page.close();
}
await browser.close();
await server.close();
