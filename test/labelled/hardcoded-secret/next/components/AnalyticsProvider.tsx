import Script from "next/script";

const GA_ID = "G-9ZK4T2QW8M";
const SEGMENT_WRITE_KEY = process.env.NEXT_PUBLIC_SEGMENT_WRITE_KEY;

export function AnalyticsProvider({ children }: { children: React.ReactNode }) {
  return (
    <>
      <Script src={`https://www.googletagmanager.com/gtag/js?id=${GA_ID}`} strategy="afterInteractive" />
      {children}
    </>
  );
}

export function MapEmbed({ lat, lng }: { lat: number; lng: number }) {
  // hh-expect: hardcoded-secret/providerKey
  return <iframe title="map" src={`https://www.google.com/maps/embed/v1/view?key=AIzauNJlGcAho1wauz_d1FWyJn4B6YOx6CnIRWt&center=${lat},${lng}`} />;
}

export function SupportWidget() {
  // hh-expect: hardcoded-secret/suspiciousName
  return <ChatWidget appId="acme-support" apiSecret="8HbN77VWXbepixJqELd4A2AxrPhd1O36" />;
}

declare function ChatWidget(props: { appId: string; apiSecret: string }): JSX.Element;
