#!/bin/sh
# Stands in for Prisma's native schema engine, which cannot be downloaded on offline machines.
# `prisma generate` only checks that an engine file exists; migrations go through the Wasm engine.
echo "Prisma's native schema engine is not installed here. Use: npm run db:migrate | npm run db:migration -- <name> | npm run db:check" >&2
exit 1
