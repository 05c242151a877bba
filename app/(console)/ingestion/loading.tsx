import { Skeleton } from "@/components/ui/skeleton";

export default function IngestionLoading() {
  return (
    <div className="space-y-3">
      <Skeleton className="h-8 w-64" />
      <Skeleton className="h-64 w-full" />
    </div>
  );
}
