import { launch } from "./lib/launcher";

void launch("dev");
