export * from "@/server/domain/joint-text/body";
export * from "@/server/domain/joint-text/operations";
export * from "@/server/domain/joint-text/figures";
export * from "@/server/domain/joint-text/notation";
