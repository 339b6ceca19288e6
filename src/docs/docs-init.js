// Starts Swagger UI on /docs. A file, not an inline script, so that the pages' CSP needs no 'unsafe-inline'.
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    // No validator badge: it would send the document to validator.swagger.io.
    validatorUrl: null,
  });
});
