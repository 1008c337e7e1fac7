// Findings that rest on the listing (engine/project/listing.ts): dropped only where the listing
// was incomplete, by the same rule in the CLI and the server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { supportedByListing } from '../../server/src/engine/project/listing';
import { project, ROOT } from './helpers';

const p = project({
  'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'shop.settings')\n",
  'shop/__init__.py': '',
  'shop/settings.py': "from pathlib import Path\nBASE_DIR = Path(__file__).resolve().parent.parent\nINSTALLED_APPS = ['django.contrib.staticfiles']\nSTATIC_URL = '/static/'\nSTATICFILES_DIRS = [BASE_DIR / 'assets']\n",
});
const findings = [{ code: 'DJD205' }, { code: 'staticfiles.W004' }, { code: 'files.E001' }, { code: 'security.W018' }];
const codes = (fs: { code: string }[]) => fs.map((f) => f.code);

test('a complete listing supports every finding', () => {
  assert.deepEqual(codes(supportedByListing(p, findings, [])), ['DJD205', 'staticfiles.W004', 'files.E001', 'security.W018']);
});

test('while the listing is partial, no finding about a missing file or folder stands', () => {
  assert.deepEqual(codes(supportedByListing(p, findings, 'partial')), ['security.W018']);
});

test('an incomplete folder away from the static folders leaves the static findings standing (not files.E001)', () => {
  assert.deepEqual(codes(supportedByListing(p, findings, [`${ROOT}/media/uploads`])), ['DJD205', 'staticfiles.W004', 'security.W018']);
});

test('an incomplete folder inside a static folder, or above one, drops the static findings', () => {
  for (const dir of [`${ROOT}/assets/vendor`, ROOT, `${ROOT}/assets`]) assert.deepEqual(codes(supportedByListing(p, findings, [dir])), ['security.W018'], dir);
});
