export const stripe = "sk_live_51HxQ2eZvKYlo2CkT9mR4wPq";
