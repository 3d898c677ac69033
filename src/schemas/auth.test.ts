import { describe, expect, it } from "vitest";
import {
  SIGN_IN_FAILED_MESSAGE,
  signInErrorMessage,
  signInThrottledError,
  signInThrottledMessage,
} from "./auth";

describe("sign-in error messages", () => {
  it("turns the throttle code into one Indonesian message with whole minutes, rounded up", () => {
    expect(signInThrottledMessage(900)).toBe("Terlalu banyak percobaan masuk. Coba lagi dalam 15 menit.");
    expect(signInThrottledMessage(61)).toBe("Terlalu banyak percobaan masuk. Coba lagi dalam 2 menit.");
    expect(signInThrottledMessage(0)).toBe("Terlalu banyak percobaan masuk. Coba lagi dalam 1 menit.");
    expect(signInErrorMessage(signInThrottledError(899.2))).toBe(signInThrottledMessage(900));
  });

  it("answers wrong credentials and anything unknown with the generic message", () => {
    expect(signInErrorMessage("CredentialsSignin")).toBe(SIGN_IN_FAILED_MESSAGE);
    expect(signInErrorMessage(undefined)).toBe(SIGN_IN_FAILED_MESSAGE);
    expect(signInErrorMessage("SignInThrottled:abc")).toBe(SIGN_IN_FAILED_MESSAGE);
    expect(signInErrorMessage("SignInUnavailable")).toBe(
      "Layanan masuk sedang bermasalah. Coba lagi beberapa saat lagi.",
    );
  });
});
