// Findings that rest on the listing of the disk: a folder or a file is "missing" because the
// walk did not see it. Where the walk could not see everything (a capped folder, an unreadable
// one, one too deep, a walk still running), such a finding could be false, so both shells drop
// it through `supportedByListing`, with the same rule for the same listing.

import type { DjangoProject } from './project';

/** Rules that conclude from the listing that a folder or a file does not exist. */
export const LISTING_RULES = new Set(['staticfiles.W004', 'DJD116', 'files.E001', 'DJD202', 'DJD205']);

/**
 * The findings the listing supports. `incomplete`: the folders not listed whole, or 'partial'
 * when the listing is not done (every listing finding is dropped). A static file or folder
 * finding stands unless an incomplete folder overlaps a static folder; any other listing
 * finding needs a complete listing.
 */
export function supportedByListing<T extends { code: string }>(project: DjangoProject, findings: T[], incomplete: readonly string[] | 'partial'): T[] {
  if (incomplete !== 'partial' && incomplete.length === 0) return findings;
  if (!findings.some((f) => LISTING_RULES.has(f.code))) return findings;
  let staticUnsure = true;
  if (incomplete !== 'partial') {
    const overlaps = (a: string, b: string) => a === b || a.startsWith(b + '/') || b.startsWith(a + '/');
    const folders = project.staticFolders();
    staticUnsure = incomplete.some((dir) => folders.some((s) => overlaps(dir, s)));
  }
  return findings.filter((f) => !LISTING_RULES.has(f.code) || (f.code !== 'files.E001' && !staticUnsure));
}
