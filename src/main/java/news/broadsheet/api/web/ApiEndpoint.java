package news.broadsheet.api.web;

/** Marks the JSON controllers under {@code /api}, whose errors {@link ApiExceptionHandler} answers as problem details. */
interface ApiEndpoint {}
