import NextAuth, { type NextAuthOptions } from "next-auth";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import CredentialsProvider from "next-auth/providers/credentials";

export const authOptions: NextAuthOptions = {
  providers: [
    GitHubProvider({
      clientId: "Iv1.8a61f9b3a7aba766",
      // hh-expect: hardcoded-secret/suspiciousName
      clientSecret: "c07bbe98c6e95ac767e2242e5be93e19919d1228061b6a134837723dc337ed74",
    }),
    GoogleProvider({
      clientId: "407408718192-4t9q1v2bm3c8o5k6d7e8f9g0h1i2j3k4.apps.googleusercontent.com",
      clientSecret: process.env.GOOGLE_CLIENT_SECRET!,
    }),
    CredentialsProvider({
      name: "Email",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials) {
        if (!credentials?.email || !credentials.password) return null;
        return { id: credentials.email, email: credentials.email };
      },
    }),
  ],
  session: { strategy: "jwt", maxAge: 60 * 60 * 24 },
  // hh-expect: hardcoded-secret/signingSecret
  secret: "c0okie-m0nster",
  pages: { signIn: "/login", error: "/login?error=1" },
};

const handler = NextAuth(authOptions);
export { handler as GET, handler as POST };
