// The baseline format lives in the engine (the editor records and reads the same file).
export { applyBaseline, buildBaseline, readBaseline, type Baseline } from "../engine/baseline";
