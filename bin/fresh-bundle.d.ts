/** Whether dist/cli/ is there and newer than every source it was built from. */
export function freshBundle(root: URL): boolean;
