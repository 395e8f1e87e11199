import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** URIs and file names, and the key each document is tracked under. */

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith("file:")) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(file: string): string {
  return pathToFileURL(file).href;
}

/** The key a document is tracked under: its file path when it has one (URI spellings vary). */
export function fileKey(uri: string): string {
  return uriToPath(uri) ?? uri;
}

/** The last segment of a URI or path. */
export function baseName(uriOrPath: string): string {
  const file = uriToPath(uriOrPath);
  if (file) return path.basename(file);
  const clean = uriOrPath.replace(/[?#].*$/, "");
  try {
    return decodeURIComponent(clean.slice(clean.lastIndexOf("/") + 1));
  } catch {
    return clean.slice(clean.lastIndexOf("/") + 1);
  }
}

/** A related location's `file` (a URI or an absolute path) as a URI. */
export function toUri(fileOrUri: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(fileOrUri) && !/^[a-z]:[\\/]/i.test(fileOrUri) ? fileOrUri : pathToUri(fileOrUri);
}
