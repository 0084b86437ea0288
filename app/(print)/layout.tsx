import type { ReactNode } from "react";
import { requireViewer } from "@/server/trpc/server";
import "./print.css";

// Printable documents: no app shell, no navigation; the page is the document. A signed-in viewer
// is still required (the PDF renderer forwards the requester's session cookie).
export default async function PrintLayout({ children }: { children: ReactNode }) {
  await requireViewer();
  return <div className="bk-root">{children}</div>;
}
