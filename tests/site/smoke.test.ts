import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';

describe('built sites', () => {
  it('serves the reference record page and its JSON', async () => {
    const { url, dir } = inject('sites').embedded;
    expect(fs.existsSync(path.join(dir, 'n/workflow/schema-migration/index.html'))).toBe(true);
    const res = await fetch(`${url}n/workflow/schema-migration.json`);
    expect(res.status).toBe(200);
    const payload = (await res.json()) as { id: string };
    expect(payload.id).toBe('workflow:schema-migration');
  });
});
