"use client";

import { useState } from "react";

/**
 * Which two revisions a history compares: the newest and the one before it until the reader picks
 * others. `numbers` lists the revisions newest first.
 */
export function useRevisionPair(numbers: number[]) {
  const [picked, setPicked] = useState<{ from?: number; to?: number }>({});
  const to = picked.to ?? numbers[0];
  const from = picked.from ?? numbers[1] ?? numbers[0];
  return {
    from,
    to,
    pickFrom: (n: number) => setPicked({ from: n, to }),
    pickTo: (n: number) => setPicked({ to: n, from }),
  };
}

/** The two radio cells of a history row: compare from this revision, compare to it. */
export function ComparePickCells({
  number,
  pair,
  fromLabel,
  toLabel,
  name = "compare",
}: {
  number: number;
  pair: ReturnType<typeof useRevisionPair>;
  fromLabel: string;
  toLabel: string;
  name?: string;
}) {
  return (
    <>
      <td className="py-1 pr-2">
        <input
          type="radio"
          name={`${name}-from`}
          aria-label={fromLabel}
          checked={pair.from === number}
          onChange={() => pair.pickFrom(number)}
          className="focus-visible:outline-2 focus-visible:outline-ring"
        />
      </td>
      <td className="py-1 pr-2">
        <input
          type="radio"
          name={`${name}-to`}
          aria-label={toLabel}
          checked={pair.to === number}
          onChange={() => pair.pickTo(number)}
          className="focus-visible:outline-2 focus-visible:outline-ring"
        />
      </td>
    </>
  );
}
