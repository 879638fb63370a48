/**
 * The public JSON API under {@code /api/v1}: read endpoints for live stories, sections, tags,
 * authors, static pages and approved comments (open to any origin), write endpoints for personal access tokens
 * (create and update drafts through the editorial workflow, post staff comments), the OpenAPI 3.1
 * document and its readable page, and the token screens under {@code /admin/tokens}. Owns the
 * {@code api_token} table; publishes {@link news.broadsheet.api.ApiTokenChanged} for the audit log.
 * Reads other features only through their facades and never serialises their types. A new endpoint
 * (such as search) is a controller in {@code web} implementing {@code ApiEndpoint}, with its own DTO
 * records and its entry in {@code api/openapi.json}; {@code OpenApiIntegrationTests} fails until both exist.
 */
@NullMarked
package news.broadsheet.api;

import org.jspecify.annotations.NullMarked;
