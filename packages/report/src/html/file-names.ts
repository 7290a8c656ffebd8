import { RgaeError } from '@rgae/core';

/**
 * Assigns file names built from ids and rejects two owners of one name. Characters other than
 * letters, digits, `.`, `_` and `-` become `_`, so a namespaced id such as `my-plugin/entropy`
 * stays one file instead of a folder.
 */
export class FileNames {
  private readonly owners = new Map<string, string>();

  /** Returns `<part>-<part>…` made safe; `owner` names the thing in the error when two things collide. */
  claim(owner: string, ...ids: string[]): string {
    const name = ids.map((id) => safeName(id, owner)).join('-');
    const previous = this.owners.get(name);
    if (previous !== undefined) {
      throw new RgaeError('INVALID_ARGUMENT', `${previous} and ${owner} both map to the file name "${name}". Give them distinct ids.`);
    }
    this.owners.set(name, owner);
    return name;
  }
}

function safeName(id: string, owner: string): string {
  if (typeof id !== 'string' || id === '') {
    throw new RgaeError('INVALID_ARGUMENT', `${owner} has the id ${JSON.stringify(id)}. Give it a non-empty string id.`);
  }
  return id.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\./, '_');
}
