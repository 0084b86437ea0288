import { z } from "zod";
import { id } from "@/lib/schemas/common";

/** The objects whose readers an owner or convenor may see (server/services/read-log). */
export const READ_LOG_OBJECTS = ["paper", "stance", "minutes", "joint_text"] as const;
export type ReadLogObject = (typeof READ_LOG_OBJECTS)[number];

export const readLogForObjectSchema = z.object({ objectType: z.enum(READ_LOG_OBJECTS), objectId: id });
export type ReadLogForObjectInput = z.infer<typeof readLogForObjectSchema>;
