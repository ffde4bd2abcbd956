import type { Observation } from '../../shared/core';

/** An observation's gaps as `reason read: inputs` lines, sorted (readable in assertions). */
export const gapsOf = (obs: Observation): string[] =>
  obs.state === 'present' ? obs.gaps.map((g) => `${g.reason} ${g.read}: ${g.inputs.join(', ')}`).sort() : [];
