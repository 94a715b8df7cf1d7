import { InvalidArgumentError } from 'commander';

/** A parser for a numeric option: a whole number of at least `least`. */
export function wholeNumber(least: number): (value: string) => number {
  return (value) => {
    if (!/^\d+$/.test(value.trim()) || Number(value) < least) throw new InvalidArgumentError(`expected a whole number of ${least} or more, got "${value}"`);
    return Number(value);
  };
}
