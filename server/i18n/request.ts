import { getRequestConfig } from "next-intl/server";
import { messages } from "./messages";

// German only for now; the catalogue is the single place for UI text.
export default getRequestConfig(async () => ({
  locale: "de",
  messages,
  timeZone: "Europe/Berlin",
}));
