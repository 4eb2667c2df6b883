/** Paging: {@link io.paykit.page.Page} with lazy auto-paging, for cursor and page-number lists alike. */
package io.paykit.page;
