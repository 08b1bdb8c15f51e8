export type User = {
  id: number
  username: string
  email: string
  is_admin: boolean
}

export type Credentials = {
  username: string
  password: string
}

export type Registration = Credentials & { email?: string }
