import { z } from "zod";
import { idSchema, nameSchema, optionalIdSchema } from "./common";
import { roles } from "./roles";

export const usernameSchema = z
  .string("validation.required")
  .trim()
  .toLowerCase()
  .min(3, "validation.usernameTooShort")
  .max(64, "validation.usernameTooLong")
  .regex(/^[a-z0-9._-]+$/, "validation.usernameCharacters");

/** Length is what makes a password strong; no composition rules (ASVS 6.2). */
export const passwordSchema = z.string("validation.required").min(12, "validation.passwordTooShort").max(256, "validation.passwordTooLong");

export const roleGrantSchema = z
  .object({
    role: z.enum(roles, "validation.choose"),
    kommuneId: optionalIdSchema.default(null),
    bodyId: optionalIdSchema.default(null),
  })
  .strict()
  .refine((grant) => !(grant.kommuneId && grant.bodyId), {
    message: "validation.oneScopeOnly",
    path: ["bodyId"],
  });
export type RoleGrantInput = z.infer<typeof roleGrantSchema>;

const emailSchema = z.preprocess(
  (value) => (value === "" ? null : typeof value === "string" ? value.trim().toLowerCase() : value),
  z.email("validation.email").max(200).nullable(),
);

export const createUserSchema = z
  .object({
    username: usernameSchema,
    displayName: nameSchema,
    email: emailSchema.default(null),
    organisationId: optionalIdSchema.default(null),
    password: passwordSchema,
    grants: z.array(roleGrantSchema).min(1, "validation.atLeastOneRole").max(20),
  })
  .strict();
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z
  .object({
    id: idSchema,
    displayName: nameSchema,
    email: emailSchema.default(null),
    organisationId: optionalIdSchema.default(null),
    grants: z.array(roleGrantSchema).min(1, "validation.atLeastOneRole").max(20),
    caseloadKey: z
      .preprocess(
        (value) => (value === "" || value === undefined ? null : value),
        z.coerce
          .number("validation.number")
          .int("validation.number")
          .min(1, "admin.validation.caseloadKey")
          .max(200, "admin.validation.caseloadKey")
          .nullable(),
      )
      .default(null),
  })
  .strict();
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const setUserActiveSchema = z.object({ id: idSchema, isActive: z.boolean() }).strict();
export type SetUserActiveInput = z.infer<typeof setUserActiveSchema>;

export const setUserPasswordSchema = z.object({ id: idSchema, password: passwordSchema }).strict();
export type SetUserPasswordInput = z.infer<typeof setUserPasswordSchema>;

/** Switching OIDC sign-in on or off; either way a bound identity is released, so the next sign-in binds anew. */
export const setUserOidcSignInSchema = z.object({ id: idSchema, enabled: z.boolean("validation.required") }).strict();
export type SetUserOidcSignInInput = z.infer<typeof setUserOidcSignInSchema>;

export const signInSchema = z.object({
  username: z.string().trim().toLowerCase().min(1, "validation.required").max(64),
  password: z.string().min(1, "validation.required").max(256),
});
