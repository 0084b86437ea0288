"use client";

import dynamic from "next/dynamic";

// The diff (and the diff library) load only where one is shown: a conflict, a history being compared.
export const RevisionDiff = dynamic(() => import("@/components/revisions/revision-diff").then((m) => m.RevisionDiff));
export const ConflictPanel = dynamic(() => import("@/components/revisions/conflict-panel").then((m) => m.ConflictPanel));
