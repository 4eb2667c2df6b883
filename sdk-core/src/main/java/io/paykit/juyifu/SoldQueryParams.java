package io.paykit.juyifu;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Filters and the first page for {@link JuyifuClient#listSold}. Experimental: the gateway documents
 * only the heading (已售商品 / 查询已售); the fields are PayKit's proposal.
 *
 * <pre>{@code
 * SoldQueryParams params = SoldQueryParams.builder()
 *     .startDate(LocalDate.of(2024, 1, 1)).endDate(LocalDate.of(2024, 1, 31)).pageSize(50).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. Pages are numbered from 1; {@code page_size} is 1–{@value
 * #MAX_PAGE_SIZE} (default {@value #DEFAULT_PAGE_SIZE}). Dates travel as {@code yyyy-MM-dd}.
 */
public final class SoldQueryParams {
  /** Page size when none is set. */
  public static final int DEFAULT_PAGE_SIZE = 20;
  /** Largest page size. */
  public static final int MAX_PAGE_SIZE = 100;

  private final String productId;
  private final LocalDate startDate;
  private final LocalDate endDate;
  private final int page;
  private final int pageSize;

  SoldQueryParams(Builder b) {
    this.productId = b.productId;
    this.startDate = b.startDate;
    this.endDate = b.endDate;
    this.page = b.page;
    this.pageSize = b.pageSize;
  }

  /**
   * Returns a new builder.
   *
   * @return a new builder with the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding these params.
   *
   * @return a new builder initialised from these params
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.productId = productId;
    b.startDate = startDate;
    b.endDate = endDate;
    b.page = page;
    b.pageSize = pageSize;
    return b;
  }

  /**
   * Returns the product filter, or null.
   *
   * @return the product id filtered by, or null for all products
   */
  public String getProductId() {
    return productId;
  }

  /**
   * Returns the first day included, or null.
   *
   * @return the first day included, or null
   */
  public LocalDate getStartDate() {
    return startDate;
  }

  /**
   * Returns the last day included, or null.
   *
   * @return the last day included, or null
   */
  public LocalDate getEndDate() {
    return endDate;
  }

  /**
   * Returns the page to fetch first, from 1.
   *
   * @return the first page number
   */
  public int getPage() {
    return page;
  }

  /**
   * Returns the page size.
   *
   * @return the page size
   */
  public int getPageSize() {
    return pageSize;
  }

  /** The wire parameters after {@code app_id}, for the given page. */
  Map<String, Object> toParams(int pageNumber) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("product_id", productId);
    p.put("start_date", startDate == null ? null : DateTimeFormatter.ISO_LOCAL_DATE.format(startDate));
    p.put("end_date", endDate == null ? null : DateTimeFormatter.ISO_LOCAL_DATE.format(endDate));
    p.put("page", pageNumber);
    p.put("page_size", pageSize);
    return p;
  }

  @Override
  public String toString() {
    return "SoldQueryParams{productId=" + productId + ", startDate=" + startDate + ", endDate="
        + endDate + ", page=" + page + ", pageSize=" + pageSize + "}";
  }

  /** Builds {@link SoldQueryParams}. Not thread-safe. */
  public static final class Builder {
    String productId;
    LocalDate startDate;
    LocalDate endDate;
    int page = 1;
    int pageSize = DEFAULT_PAGE_SIZE;

    Builder() {}

    /**
     * Lists only this product; null lists all.
     *
     * @param productId the product id, or null
     * @return this builder
     */
    public Builder productId(String productId) {
      this.productId = productId;
      return this;
    }

    /**
     * Sets the first day included ({@code start_date}); null for no lower bound.
     *
     * @param startDate the first day, or null
     * @return this builder
     */
    public Builder startDate(LocalDate startDate) {
      this.startDate = startDate;
      return this;
    }

    /**
     * Sets the last day included ({@code end_date}); null for no upper bound.
     *
     * @param endDate the last day, or null
     * @return this builder
     */
    public Builder endDate(LocalDate endDate) {
      this.endDate = endDate;
      return this;
    }

    /**
     * Sets the page to fetch first (default 1).
     *
     * @param page the first page number, from 1
     * @return this builder
     */
    public Builder page(int page) {
      this.page = page;
      return this;
    }

    /**
     * Sets the page size, 1–100 (default 20).
     *
     * @param pageSize the page size
     * @return this builder
     */
    public Builder pageSize(int pageSize) {
      this.pageSize = pageSize;
      return this;
    }

    /**
     * Returns the params.
     *
     * @return the params
     * @throws IllegalArgumentException naming the field, if page is below 1, pageSize is outside
     *     1–100, startDate is after endDate, or productId is too long
     */
    public SoldQueryParams build() {
      Checks.maxLength("productId", productId, CreateOrderParams.MAX_PRODUCT_ID);
      if (page < 1) throw new IllegalArgumentException("page must be >= 1: " + page);
      if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
        throw new IllegalArgumentException("pageSize must be in 1.." + MAX_PAGE_SIZE + ": " + pageSize);
      }
      if (startDate != null && endDate != null && startDate.isAfter(endDate)) {
        throw new IllegalArgumentException(
            "startDate must not be after endDate: " + startDate + " > " + endDate);
      }
      return new SoldQueryParams(this);
    }
  }
}
