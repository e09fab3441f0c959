package io.fmap.emulator.generate;

import java.util.SplittableRandom;

/** Word pools for the sample data: mostly Latin, with non-Latin names and text mixed in. */
final class SampleText {
  private SampleText() {}

  /** {display, ascii} pairs, so that emails stay plain ASCII. */
  static final String[][] FIRST = {
      {"Anna", "anna"}, {"Lukas", "lukas"}, {"Sofia", "sofia"}, {"Mateo", "mateo"}, {"Olivia", "olivia"},
      {"Noah", "noah"}, {"Zoë", "zoe"}, {"François", "francois"}, {"Björn", "bjorn"}, {"Łukasz", "lukasz"},
      {"Søren", "soren"}, {"Aiyana", "aiyana"}, {"Chloé", "chloe"}, {"Mehmet", "mehmet"}, {"Priya", "priya"},
      {"太郎", "taro"}, {"美咲", "misaki"}, {"Дмитрий", "dmitri"}, {"Анна", "anna"}, {"محمد", "mohammed"},
      {"Σοφία", "sofia"}, {"민준", "minjun"}, {"Nguyễn", "nguyen"}, {"José", "jose"}};

  static final String[][] LAST = {
      {"Müller", "muller"}, {"García", "garcia"}, {"Smith", "smith"}, {"Rossi", "rossi"}, {"Dubois", "dubois"},
      {"Nowak", "nowak"}, {"Johansson", "johansson"}, {"O'Brien", "obrien"}, {"van der Berg", "vanderberg"},
      {"Yılmaz", "yilmaz"}, {"Kowalczyk", "kowalczyk"}, {"Patel", "patel"}, {"山田", "yamada"},
      {"佐藤", "sato"}, {"Иванова", "ivanova"}, {"Смирнов", "smirnov"}, {"الحسن", "alhassan"},
      {"Παπαδόπουλος", "papadopoulos"}, {"김", "kim"}, {"Trần", "tran"}, {"Hernández-López", "hernandezlopez"}};

  static final String[] COMPANY_A = {"Northwind", "Blue Fjord", "Acme", "Summit", "Evergreen", "Lumen", "Orbital",
      "Keystone", "Harbor", "Silverline", "Quantum", "Redwood", "Atlas", "Nimbus", "Pioneer", "Cobalt"};
  static final String[] COMPANY_B = {"Traders", "Systems", "Logistics", "Foods", "Analytics", "Health", "Robotics",
      "Textiles", "Energy", "Media", "Consulting", "Labs"};
  static final String[] COMPANY_SUFFIX = {"Ltd", "GmbH", "Inc.", "S.A.", "AB", "LLC", "Oy", "K.K.", "B.V.", "plc"};
  static final String[] COMPANY_NON_LATIN = {"株式会社 山田製作所", "ООО «Северный ветер»", "شركة الأفق للتجارة",
      "Ελληνική Ναυτιλιακή Α.Ε.", "삼성 물산 협력사", "Công ty TNHH Ánh Dương", "Zürcher Bäckerei AG"};

  static final String[] CITY = {"London", "München", "São Paulo", "Zürich", "Kraków", "東京", "Москва", "Québec",
      "New York", "Reykjavík", "القاهرة", "Seoul", "Chicago", "Lyon", "Malmö"};
  static final String[] COUNTRY = {"United Kingdom", "Deutschland", "Brasil", "Schweiz", "Polska", "日本", "Россия",
      "Canada", "United States", "Ísland", "مصر", "대한민국", "United States", "France", "Sverige"};
  static final String[] STREET = {"High Street", "Hauptstraße", "Rua Augusta", "Bahnhofstrasse", "ul. Floriańska",
      "中央通り", "Тверская улица", "Rue Saint-Jean", "Broadway", "Laugavegur", "شارع التحرير", "Sejong-daero",
      "Michigan Avenue", "Rue de la République", "Stortorget"};

  static final String[] TITLE = {"CEO", "CFO", "Head of Sales", "Buyer", "Procurement Manager", "IT Director",
      "Office Manager", "Engineer", "Consultant", "VP Operations", "Einkaufsleiterin", "営業部長", "Директор"};

  static final String[] WORDS = {"quarterly", "review", "pricing", "renewal", "contract", "onboarding", "demo",
      "follow-up", "proposal", "budget", "timeline", "integration", "support", "training", "discount", "rollout",
      "feedback", "Angebot", "Vertrag", "見積もり", "договор", "عرض", "signature", "meeting", "call"};

  static final String[] PRODUCTS = {"Platform licence", "Support plan", "Implementation", "Training package",
      "Hardware refresh", "Analytics add-on", "Renewal", "Expansion"};

  static String pick(SplittableRandom r, String[] pool) {
    return pool[r.nextInt(pool.length)];
  }

  static String[] pick(SplittableRandom r, String[][] pool) {
    return pool[r.nextInt(pool.length)];
  }

  static String sentence(SplittableRandom r, int words) {
    StringBuilder sb = new StringBuilder(words * 9);
    for (int i = 0; i < words; i++) {
      if (i > 0) sb.append(' ');
      sb.append(pick(r, WORDS));
    }
    sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
    return sb.append('.').toString();
  }

  /** Text of exactly {@code length} characters, for values longer than a Dynamics column allows. */
  static String longText(String start, int length) {
    StringBuilder sb = new StringBuilder(length).append(start);
    String filler = " and more detail that nobody will read";
    while (sb.length() < length) sb.append(filler);
    sb.setLength(length);
    return sb.toString();
  }
}
