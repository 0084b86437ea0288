import { describe, expect, it } from "vitest";

import { cn } from "@/lib/utils";

describe("cn", () => {
  it("keeps the last of conflicting Tailwind utilities", () => {
    expect(cn("px-2", "px-4")).toBe("px-4");
    expect(cn("p-4", "px-2")).toBe("p-4 px-2");
    expect(cn("px-2 py-1", "p-3")).toBe("p-3");
  });

  it("resolves conflicts between the palette's custom colour tokens", () => {
    expect(cn("bg-primary text-primary-foreground", "bg-danger")).toBe("text-primary-foreground bg-danger");
    expect(cn("text-muted-foreground", "text-warning-subtle-foreground")).toBe("text-warning-subtle-foreground");
  });

  it("does not confuse font size with text colour", () => {
    expect(cn("text-sm text-muted-foreground", "text-lg")).toBe("text-muted-foreground text-lg");
  });

  it("keeps variants apart from their base utility", () => {
    expect(cn("bg-card hover:bg-accent", "hover:bg-muted")).toBe("bg-card hover:bg-muted");
  });

  it("accepts conditional, array and object inputs like clsx", () => {
    const hidden = false;
    expect(cn("flex", hidden && "hidden", ["gap-2", { "items-center": true, "justify-end": false }], null, undefined)).toBe(
      "flex gap-2 items-center",
    );
  });
});
