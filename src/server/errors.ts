import "server-only";
import { notFound as routeNotFound } from "next/navigation";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";

export type AppErrorCode =
  "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "INVALID_INPUT" | "TOO_MANY_ATTEMPTS";

const defaultMessages: Record<AppErrorCode, string> = {
  UNAUTHENTICATED: "Sesi Anda telah berakhir. Silakan masuk kembali.",
  FORBIDDEN: "Anda tidak memiliki akses untuk tindakan ini.",
  NOT_FOUND: "Data tidak ditemukan.",
  CONFLICT: "Data sudah berubah atau sudah ada. Muat ulang halaman lalu coba lagi.",
  INVALID_INPUT: "Isian belum benar. Periksa kembali.",
  TOO_MANY_ATTEMPTS: "Terlalu banyak percobaan. Coba lagi beberapa saat lagi.",
};

/** The one expected-error type of the data-access layer. Its message is safe to show users. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fieldErrors?: Record<string, string[]>;

  constructor(code: AppErrorCode, message?: string, fieldErrors?: Record<string, string[]>) {
    super(message ?? defaultMessages[code]);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
}

export function notFound(): AppError {
  return new AppError("NOT_FOUND");
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** For pages: a DAL NOT_FOUND becomes the route's 404 page; anything else propagates. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") routeNotFound();
    throw error;
  }
}

/** For server actions: an expected AppError becomes an error state; anything else is a bug and propagates. */
export function actionErrorFrom(error: unknown): {
  status: "error";
  message: string;
  fieldErrors?: Record<string, string[]>;
} {
  if (!isAppError(error)) throw error;
  return { status: "error", message: error.message, fieldErrors: error.fieldErrors };
}

const uuidSchema = z.uuid();

/** Ids come from URLs and forms: one that is not a UUID cannot exist, so it is NOT_FOUND without a query. */
export function assertUuid(id: string): void {
  if (!uuidSchema.safeParse(id).success) throw notFound();
}

/**
 * A unique constraint refused the write: P2002 from a Prisma model call, or P2010 carrying the
 * driver adapter's UniqueConstraintViolation from a raw statement ($queryRaw, e.g. the visit
 * submission's one-statement insert).
 */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2002") return true;
  const adapterError = error.meta?.driverAdapterError as { cause?: { kind?: unknown } } | undefined;
  return error.code === "P2010" && adapterError?.cause?.kind === "UniqueConstraintViolation";
}
