// Swagger UI on the document the server itself serves (MicroProfile OpenAPI answers at /openapi).
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "StandaloneLayout",
    // no call to the public validator: the page works offline and sends the document nowhere
    validatorUrl: null
  });
};
