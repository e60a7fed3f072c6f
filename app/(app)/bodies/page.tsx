import { UpcomingArea } from "@/components/shell/upcoming-area";

export default function Page() {
  return <UpcomingArea area="bodies" permission="bodies.read" />;
}
