import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The project's directory (the one with package.json), found from wherever the calling
 * module runs: its source file under tsx, or a bundle in `build/`. Data files the code
 * reads at run time (migrations, the demo, e-mail texts) are found from here.
 */
export function projectRoot(from: string = import.meta.url): string {
  let dir = path.dirname(fileURLToPath(from))
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir)
    if (up === dir) throw new Error(`no package.json above ${fileURLToPath(from)}`)
    dir = up
  }
  return dir
}
