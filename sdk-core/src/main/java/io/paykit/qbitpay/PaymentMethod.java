package io.paykit.qbitpay;

import com.squareup.moshi.Json;

/**
 * How a {@link Charge} is paid: the gateway's {@code paymentMethod} object (Qbit Pay docs, 2019-05):
 * its type, currency and status, and, depending on the type, a QR code, bank or address details.
 *
 * <p>Immutable and thread-safe. Every field may be null: the gateway fills only those that apply to
 * the type. {@link #toString()} leaves out account numbers and addresses.
 */
public final class PaymentMethod {
  private String object;
  private String type;
  private String currency;
  private String status;
  private TypeLabel typeLabel;
  private String alipayQRCodeUrl;
  private String qrCodeImgUrl;
  private String bankName;
  private String bankAccountNum;
  private String bankRoutingNum;
  private String bankDetailName;
  private String bankAddr;
  private String swift;
  private String city;
  private String state;
  private String country;
  private String postalCode;
  private String addr;

  private PaymentMethod() {}

  /**
   * Returns the object type, {@code paymentMethod}.
   *
   * @return the object type as sent
   */
  public String getObject() {
    return object;
  }

  /**
   * Returns the type as sent: {@code Alipay}, {@code PayPal}, {@code Yunshanfu}, {@code bankAccount},
   * {@code Coins.ph}, {@code GCash} or {@code wallet} (kept as text: the list grows).
   *
   * @return the type as sent
   */
  public String getType() {
    return type;
  }

  /**
   * Returns the currency of this method.
   *
   * @return the currency
   */
  public String getCurrency() {
    return currency;
  }

  /**
   * Returns the status as sent.
   *
   * @return the status as sent
   */
  public String getStatus() {
    return status;
  }

  /**
   * Returns the English display name of the type ({@code typeLabel.en}), or null.
   *
   * @return the English display name, or null
   */
  public String getTypeLabelEn() {
    return typeLabel == null ? null : typeLabel.en;
  }

  /**
   * Returns the Chinese display name of the type ({@code typeLabel.zh}), or null.
   *
   * @return the Chinese display name, or null
   */
  public String getTypeLabelZh() {
    return typeLabel == null ? null : typeLabel.zh;
  }

  /**
   * Returns the Alipay QR code URL ({@code alipayQRCodeUrl}), or null.
   *
   * @return the Alipay QR code URL, or null
   */
  public String getAlipayQRCodeUrl() {
    return alipayQRCodeUrl;
  }

  /**
   * Returns the QR code image URL ({@code qrCodeImgUrl}), or null.
   *
   * @return the QR code image URL, or null
   */
  public String getQrCodeImgUrl() {
    return qrCodeImgUrl;
  }

  /**
   * Returns the bank name, or null.
   *
   * @return the bank name, or null
   */
  public String getBankName() {
    return bankName;
  }

  /**
   * Returns the bank account number, or null. Personal data: do not log it.
   *
   * @return the bank account number, or null
   */
  public String getBankAccountNum() {
    return bankAccountNum;
  }

  /**
   * Returns the bank routing number, or null.
   *
   * @return the bank routing number, or null
   */
  public String getBankRoutingNum() {
    return bankRoutingNum;
  }

  /**
   * Returns the bank account holder's name ({@code bankDetailName}), or null.
   *
   * @return the account holder's name, or null
   */
  public String getBankDetailName() {
    return bankDetailName;
  }

  /**
   * Returns the bank's address ({@code bankAddr}), or null.
   *
   * @return the bank's address, or null
   */
  public String getBankAddr() {
    return bankAddr;
  }

  /**
   * Returns the SWIFT code, or null.
   *
   * @return the SWIFT code, or null
   */
  public String getSwift() {
    return swift;
  }

  /**
   * Returns the city, or null.
   *
   * @return the city, or null
   */
  public String getCity() {
    return city;
  }

  /**
   * Returns the state or province, or null.
   *
   * @return the state or province, or null
   */
  public String getState() {
    return state;
  }

  /**
   * Returns the country, or null.
   *
   * @return the country, or null
   */
  public String getCountry() {
    return country;
  }

  /**
   * Returns the postal code, or null.
   *
   * @return the postal code, or null
   */
  public String getPostalCode() {
    return postalCode;
  }

  /**
   * Returns the street address, or for a {@code wallet} the wallet address ({@code addr}), or null.
   *
   * @return the street or wallet address, or null
   */
  public String getAddr() {
    return addr;
  }

  @Override
  public String toString() {
    return "PaymentMethod{type=" + type + ", currency=" + currency + ", status=" + status + "}";
  }

  static final class TypeLabel {
    @Json(name = "en")
    String en;

    @Json(name = "zh")
    String zh;
  }
}
