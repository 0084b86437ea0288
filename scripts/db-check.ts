import { runCli } from "./lib/cli";
import { checkDrift } from "./lib/migrations";

// `prisma migrate diff --exit-code`, offline: fails when schema.prisma has changes no migration holds.
runCli(async () => {
  const difference = await checkDrift();
  if (difference) {
    console.error("prisma/schema.prisma and prisma/migrations disagree. The migrations lack:\n");
    console.error(difference);
    console.error("\nCreate the migration: npm run db:migration -- <name>");
    return 1;
  }
  console.log("OK: prisma/migrations match prisma/schema.prisma");
  return 0;
});
