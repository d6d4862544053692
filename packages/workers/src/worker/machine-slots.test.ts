import { describe, expect, it } from 'vitest';
import { MachineSlots } from './machine-slots.js';

describe('MachineSlots', () => {
  it('gives out at most its capacity, and says when it fills and when room comes back', () => {
    const heard: boolean[] = [];
    const slots = new MachineSlots(2, (full) => heard.push(full));
    expect(slots.tryTake()).toBe(true);
    expect(heard).toEqual([]);
    expect(slots.tryTake()).toBe(true);
    expect(heard).toEqual([true]);
    expect(slots.tryTake()).toBe(false);
    expect(slots.inUse).toBe(2);
    slots.release();
    expect(heard).toEqual([true, false]);
    slots.release();
    expect(heard).toEqual([true, false]);
    expect(slots.inUse).toBe(0);
  });

  it('refuses a release without a taken slot', () => {
    expect(() => new MachineSlots(1).release()).toThrow(/without a taken slot/);
  });
});
