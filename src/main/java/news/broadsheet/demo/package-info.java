/**
 * Demo content: on first start with an empty database, loads a small newsroom (sections, authors,
 * stories, threaded comments, static pages) written for Broadsheet, from {@code demo/newsroom.yml}. Turned off
 * with {@code broadsheet.demo-content.enabled=false}, and not loaded on a first start given the first
 * admin ({@code broadsheet.admin.username}) unless that setting is {@code true}. Records what it
 * created (V24), so an admin can remove exactly that at {@code /admin/demo}; it never loads again
 * after a removal. Publishes {@link news.broadsheet.demo.DemoNewsroomRemoved} for the audit log.
 * Uses only the public facades of the other modules; nothing depends on it.
 */
@NullMarked
package news.broadsheet.demo;

import org.jspecify.annotations.NullMarked;
