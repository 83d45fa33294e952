import { VERSION } from "../../common/version.ts";
import { type Sensor, text } from "./types.ts";

export const version: Sensor = () => text(VERSION);
