// GitHub both ways: see the package description.
export {};
