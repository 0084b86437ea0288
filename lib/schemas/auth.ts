import { z } from "zod";
import { email } from "@/lib/schemas/common";

export const signInFormSchema = z.object({
  email,
  password: z.string().min(1, "Enter your password"),
});
export type SignInFormInput = z.infer<typeof signInFormSchema>;
