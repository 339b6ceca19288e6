/** Node only: Swagger UI's files from the generated module, loaded on the first visit to /docs. */
export const swaggerUiFiles = async () => (await import("./swagger-ui.generated.js")).swaggerUiAssets;
