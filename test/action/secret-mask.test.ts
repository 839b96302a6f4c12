import { describe, expect, it } from 'vitest';
import { runAction } from '../../src/action/run.js';
import { recordingIo } from './fake-io.js';

describe('the github-token is masked', () => {
  it('before anything else happens, even when the inputs are wrong', async () => {
    const io = recordingIo({ 'github-token': ' ghs_maskedTOKEN0123456789 ', 'fail-on': 'error' });
    await expect(runAction(io)).rejects.toThrow(/'script' is required/);
    expect(io.calls).toEqual(['secret: ghs_maskedTOKEN0123456789']);
  });

  it('not at all when there is no token (an empty mask would hide nothing useful)', async () => {
    const io = recordingIo({});
    await expect(runAction(io)).rejects.toThrow(/'script' is required/);
    expect(io.calls).toEqual([]);
  });
});
