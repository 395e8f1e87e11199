export * from "./file-kinds";
export * from "./discover";
