// The executable tunes V8's collector for long fleets (bench section 7), unless the person running
// it chose heap flags of their own; a runtime without V8's flags runs on untouched.
import { describe, expect, it } from 'vitest';
import { FLEET_HEAP_FLAGS, ownHeapFlags, tuneHeapForFleets } from '../../src/cli/heap-tuning.js';

describe('heap tuning of the executable', () => {
  it('sets the young generation and the old-generation growth flags', () => {
    const set: string[] = [];
    expect(tuneHeapForFleets((flag) => set.push(flag), [], undefined)).toEqual(FLEET_HEAP_FLAGS);
    expect(set).toEqual(['--semi-space-growth-factor=1', '--heap-growing-percent=50']);
  });

  it.each([
    [['--max-semi-space-size=64'], undefined],
    [['--max_semi_space_size=64'], undefined],
    [[], '--inspect --heap-growing-percent=20'],
    [[], '--semi-space-growth-factor=4'],
    [['--min-semi-space-size=8'], ''],
  ])('keeps heap flags of one own (%j, NODE_OPTIONS %j)', (execArgv, nodeOptions) => {
    const set: string[] = [];
    expect(ownHeapFlags(execArgv, nodeOptions)).toBe(true);
    expect(tuneHeapForFleets((flag) => set.push(flag), execArgv, nodeOptions)).toEqual([]);
    expect(set).toEqual([]);
  });

  it('other node flags do not count as heap flags of one own', () => {
    expect(ownHeapFlags(['--enable-source-maps', '--max-old-space-size=4096'], '--inspect')).toBe(false);
  });

  it('a runtime whose flags cannot be set runs on', () => {
    expect(
      tuneHeapForFleets(
        () => {
          throw new Error('not supported');
        },
        [],
        undefined,
      ),
    ).toEqual([]);
  });
});
