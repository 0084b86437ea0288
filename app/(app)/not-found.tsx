import { NotFoundContent } from "@/components/layout/not-found-content";

// Inside the app shell, which already provides the page's <main>.
export default function NotFound() {
  return <NotFoundContent />;
}
