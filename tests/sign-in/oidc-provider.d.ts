// oidc-provider ships no types and @types/oidc-provider is for older majors: the test provider
// needs only its constructor, callback() and the interaction helpers.
declare module "oidc-provider";
